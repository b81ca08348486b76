/**
 * The secret-key rule of the schema, in TypeScript, so that a document is
 * rejected with a ValidationError before it reaches the check constraints on
 * user_tokens.metadata and integrations.config (AU003).
 *
 * It must stay the same rule as aurora_private.jsonb_secret_key_path() in the
 * foundation migration: a key, lowercased and stripped of every character
 * other than a-z and 0-9, is a secret when it is authorization, credential,
 * credentials or cookie, or ends in token, secret, password, passwd,
 * passphrase, apikey, privatekey, secretkey or accesskey. Keys are checked at
 * any depth, inside arrays too, whatever their value.
 */
import { pointerSegment } from "./storable.ts";

const SECRET_KEY =
  /^(authorization|credentials?|cookie)$|(token|secret|password|passwd|passphrase|apikey|privatekey|secretkey|accesskey)$/;

/** Lowercases the key and keeps only a-z and 0-9, as the SQL rule does. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Returns true when a key names a secret under the rule above. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(normalizeKey(key));
}

/**
 * Returns the JSON Pointer of the first secret key in `document` (depth
 * first, in key order), or null when it has none. Paths start at `path`.
 */
export function secretKeyPath(document: unknown, path = ""): string | null {
  if (Array.isArray(document)) {
    for (const [index, item] of document.entries()) {
      const found = secretKeyPath(item, `${path}/${index}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (document === null || typeof document !== "object") return null;
  for (const [key, value] of Object.entries(document)) {
    const keyPath = `${path}/${pointerSegment(key)}`;
    if (isSecretKey(key)) return keyPath;
    const found = secretKeyPath(value, keyPath);
    if (found !== null) return found;
  }
  return null;
}
