/**
 * Preferences of the user in context: one JSON value per key, private to
 * that user in the organization in context.
 */
import {
  deletePreference as deletePreferenceQuery,
  getPreference as getPreferenceQuery,
  listPreferences as listPreferencesQuery,
  upsertPreference,
  type IGetPreferenceResult,
} from "../../generated/preferences.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import { TEXT_LIMITS, inputObject, text } from "../validation/fields.ts";
import { preferenceValueSchema } from "../validation/jsonb.ts";
import type { PreferenceValue } from "../validation/types.ts";
import {
  membershipMissing,
  organizationMissing,
  runOne,
  runQuery,
  type Queryable,
} from "./run.ts";

export type Preference = Omit<IGetPreferenceResult, "value"> & {
  value: PreferenceValue;
};

const KEY = text(TEXT_LIMITS.preferenceKey);

const parseKey = compileValidator<string>("preference key", KEY, "/key");

export async function getPreference(
  tx: Queryable,
  key: string,
): Promise<Preference> {
  const name = parseKey(key);
  const row = await runOne(
    tx,
    getPreferenceQuery,
    { key: name },
    preferenceNotFound(name),
  );
  return row as Preference;
}

/** Lists every preference of the user in context, by key. */
export async function listPreferences(tx: Queryable): Promise<Preference[]> {
  const rows = await runQuery(tx, listPreferencesQuery, undefined);
  return rows as Preference[];
}

export interface SetPreferenceInput {
  key: string;
  /** Any JSON value up to 64 KiB as JSON text and 16 levels deep. */
  value: PreferenceValue;
}

const parseSetPreference = compileValidator<SetPreferenceInput>(
  "preference",
  inputObject({ key: KEY, value: preferenceValueSchema }, ["key", "value"]),
);

/** Inserts or replaces the value of a key. */
export async function setPreference(
  tx: Queryable,
  input: SetPreferenceInput,
): Promise<Preference> {
  const { key, value } = parseSetPreference(input);
  const [row] = await runQuery(
    tx,
    upsertPreference,
    { key, value: JSON.stringify(value) },
    {
      ...organizationMissing("user_preferences"),
      ...membershipMissing("user_preferences"),
    },
  );
  return row as Preference;
}

/** Deletes a key, or throws NotFoundError when the user has no value for it. */
export async function deletePreference(
  tx: Queryable,
  key: string,
): Promise<void> {
  const name = parseKey(key);
  await runOne(
    tx,
    deletePreferenceQuery,
    { key: name },
    preferenceNotFound(name),
  );
}

function preferenceNotFound(key: string): string {
  return `Preference ${JSON.stringify(key)} not found for the user in context.`;
}
