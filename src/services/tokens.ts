/**
 * Credentials of the user in context. A token row stores the Vault path of
 * the secret (`secretRef`, written vault:<path>) and non-secret metadata,
 * so no function here takes or returns a secret. Metadata with a
 * secret-looking key is rejected before SQL by the rule of the table's check.
 */
import {
  insertToken,
  listTokens as listTokensQuery,
  revokeToken as revokeTokenQuery,
  type IInsertTokenResult,
} from "../../generated/tokens.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import { TOKEN_PROVIDERS, type TokenProvider } from "../validation/enums.ts";
import {
  OPTIONAL_INSTANT,
  SECRET_REF,
  UUID,
  enumField,
  inputObject,
} from "../validation/fields.ts";
import { tokenMetadataSchema } from "../validation/jsonb.ts";
import type { TokenMetadata } from "../validation/types.ts";
import type { Instant } from "./incidents.ts";
import {
  membershipMissing,
  organizationMissing,
  runOne,
  runQuery,
  type Queryable,
} from "./run.ts";

export type UserToken = Omit<IInsertTokenResult, "metadata"> & {
  metadata: TokenMetadata;
};

export interface AddTokenInput {
  provider: TokenProvider;
  /** Vault path of the secret, such as vault:secret/data/aurora/github. */
  secretRef: string;
  metadata?: TokenMetadata | null;
  /** When the credential stops working, if the provider reported it. */
  expiresAt?: Instant | null;
}

const parseAddToken = compileValidator<AddTokenInput>(
  "token",
  inputObject(
    {
      provider: enumField(TOKEN_PROVIDERS),
      secretRef: SECRET_REF,
      metadata: { anyOf: [{ type: "null" }, tokenMetadataSchema] },
      expiresAt: OPTIONAL_INSTANT,
    },
    ["provider", "secretRef"],
  ),
);

/**
 * Adds a token of the user in context. Throws ConflictError when the user
 * has an unrevoked token for the provider already: revoke it first.
 */
export async function addToken(
  tx: Queryable,
  input: AddTokenInput,
): Promise<UserToken> {
  const token = parseAddToken(input);
  const [row] = await runQuery(
    tx,
    insertToken,
    {
      provider: token.provider,
      secretRef: token.secretRef,
      metadata: token.metadata == null ? null : JSON.stringify(token.metadata),
      expiresAt: token.expiresAt ?? null,
    },
    {
      ...organizationMissing("user_tokens"),
      ...membershipMissing("user_tokens"),
    },
  );
  return row as UserToken;
}

export interface ListTokensInput {
  /** Whether to include revoked tokens; false by default. */
  includeRevoked?: boolean | null;
}

const parseListTokens = compileValidator<ListTokensInput>(
  "token list",
  inputObject({ includeRevoked: { type: ["boolean", "null"] } }),
);

/** Lists the tokens of the user in context, by provider. */
export async function listTokens(
  tx: Queryable,
  input: ListTokensInput = {},
): Promise<UserToken[]> {
  const { includeRevoked } = parseListTokens(input);
  const rows = await runQuery(tx, listTokensQuery, {
    includeRevoked: includeRevoked === true,
  });
  return rows as UserToken[];
}

const parseTokenId = compileValidator<string>("token id", UUID, "/id");

/** Revokes a token. Revoking it again keeps the first revocation time. */
export async function revokeToken(
  tx: Queryable,
  id: string,
): Promise<UserToken> {
  const tokenId = parseTokenId(id);
  const row = await runOne(
    tx,
    revokeTokenQuery,
    { id: tokenId },
    `Token ${tokenId} not found for the user in context.`,
  );
  return row as UserToken;
}
