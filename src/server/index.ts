import type { ConfiguredSettings } from "../config/settings.ts";
import { resolveSettings } from "../config/settings.ts";
import { startEmbedded } from "./embedded.ts";

export interface ServerTarget {
  settings: ConfiguredSettings;
  /** `embedded` when aurora-db runs its own server, `configured` for a server of yours. */
  kind: "embedded" | "configured";
  /** True when this call started the embedded server. */
  started: boolean;
}

/**
 * Resolves the settings and, when none are configured, starts (or reuses) the
 * embedded server, so that callers always get settings for a running server.
 */
export async function resolveServer(
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = () => {},
): Promise<ServerTarget> {
  const request = resolveSettings(env);
  if (request.kind === "configured") {
    return { settings: request, kind: "configured", started: false };
  }
  const embedded = await startEmbedded(request, log);
  return {
    settings: embedded.settings,
    kind: "embedded",
    started: embedded.started,
  };
}

export { bootstrap } from "./bootstrap.ts";
export { startEmbedded, stopEmbedded } from "./embedded.ts";
