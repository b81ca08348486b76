/**
 * A pg "submittable" that sends several statements in one round trip.
 *
 * `client.query(text, values)` waits for each statement's reply before the
 * next one is sent. An object with a `submit(connection)` method and the
 * `handle*` callbacks is instead handed the connection and writes protocol
 * messages itself (pg-cursor works the same way). This one writes, for each
 * statement, Parse, Bind, optionally Describe, and Execute, all on the unnamed
 * statement and portal, and then a single Sync. Parameters stay bound
 * server-side. No statement is named, because a named statement lives on one
 * server session and PgBouncer in transaction mode may run the next
 * transaction on another.
 *
 * Only the caller's statement is described: COMMIT, BEGIN, the prelude and
 * the write check return text columns that this object reads as they are.
 *
 * PostgreSQL replies to the statements in order. The object counts
 * CommandComplete messages to know which statement each reply belongs to. If
 * one statement fails, the server skips the rest up to Sync, and pg calls
 * `handleError` with that error.
 */
import pg from "pg";
import type { Connection, FieldDef, TransactionStatus } from "pg";

export type StatementKind =
  "commit" | "begin" | "prelude" | "query" | "write-check";

/** One statement of a pipelined batch. Only `query` statements return rows to the caller. */
export interface PipelinedStatement {
  kind: StatementKind;
  text: string;
  values: readonly unknown[];
}

/** Result of a query in a unit of work; pgTyped reads `rows` and `rowCount`. */
export interface QueryResult<Row = Record<string, any>> {
  rows: Row[];
  /** Rows returned or affected; 0 for commands that report no count. */
  rowCount: number;
  /** The command tag's verb, such as `SELECT`, `INSERT` or `CREATE TABLE`. */
  command: string;
  fields: FieldDef[];
}

type TypeParser = (text: string) => unknown;
type TypeParserLookup = (oid: number) => TypeParser;

/** pg's own conversion of JavaScript values into parameters (dates, arrays, JSON, `toPostgres`). */
const prepareValue = (
  pg as unknown as { utils: { prepareValue(value: unknown): unknown } }
).utils.prepareValue;

interface RowDescription {
  fields: FieldDef[];
}
interface DataRow {
  fields: (string | null)[];
}
interface CommandComplete {
  text: string;
}

export class PipelinedQuery {
  /** Settles after ReadyForQuery, or as soon as a statement fails. */
  readonly result: Promise<QueryResult>;
  /** `transaction_isolation`, when the batch held the prelude and it ran. */
  isolation: string | undefined;
  /** Whether the transaction had a transaction id, when a write check ran. */
  hasTransactionId: boolean | undefined;
  /** The kind of statement that failed, when one did. */
  failedKind: StatementKind | undefined;
  /** Transaction status that ended the batch: 'I' idle, 'T' in a transaction, 'E' failed. */
  transactionStatus: TransactionStatus = null;
  /** Whether the batch was written to the connection; false when a value could not be converted. */
  wasSubmitted = false;

  private readonly statements: readonly PipelinedStatement[];
  private readonly lookupTypeParser: TypeParserLookup;
  private readonly readTransactionStatus: () => TransactionStatus;
  private completedCount = 0;
  private fields: FieldDef[] = [];
  private parsers: TypeParser[] = [];
  private rows: Record<string, unknown>[] = [];
  private command = "";
  private rowCount = 0;
  private rowParseError: Error | undefined;
  private settled = false;
  private resolveResult!: (result: QueryResult) => void;
  private rejectResult!: (error: Error) => void;

  constructor(
    statements: readonly PipelinedStatement[],
    lookupTypeParser: TypeParserLookup,
    readTransactionStatus: () => TransactionStatus,
  ) {
    this.statements = statements;
    this.lookupTypeParser = lookupTypeParser;
    this.readTransactionStatus = readTransactionStatus;
    this.result = new Promise<QueryResult>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
  }

  /**
   * Writes the whole batch. Values are converted before anything is written,
   * so a value pg cannot convert fails the query without touching the
   * connection: pg then calls `handleError` with the returned error.
   */
  submit(connection: Connection): Error | null {
    let parameters: (string | Buffer | null)[][];
    try {
      parameters = this.statements.map((statement) =>
        statement.values.map(
          (value) => prepareValue(value) as string | Buffer | null,
        ),
      );
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    const stream = connection.stream as { cork?(): void; uncork?(): void };
    stream.cork?.();
    try {
      this.statements.forEach((statement, index) => {
        connection.parse({ name: "", text: statement.text, types: [] }, true);
        connection.bind({ values: parameters[index] }, true);
        if (statement.kind === "query") {
          connection.describe({ type: "P" }, true);
        }
        connection.execute({}, true);
      });
      connection.sync();
    } finally {
      stream.uncork?.();
    }
    this.wasSubmitted = true;
    return null;
  }

  handleRowDescription(message: RowDescription): void {
    if (this.currentKind() !== "query") {
      return;
    }
    this.fields = message.fields;
    this.parsers = message.fields.map((field) =>
      this.lookupTypeParser(field.dataTypeID),
    );
  }

  handleDataRow(message: DataRow): void {
    switch (this.currentKind()) {
      case "query":
        this.addRow(message.fields);
        break;
      case "prelude":
        this.isolation = message.fields[message.fields.length - 1] ?? undefined;
        break;
      case "write-check":
        this.hasTransactionId = message.fields[0] === "t";
        break;
      default:
        break;
    }
  }

  handleCommandComplete(message: CommandComplete): void {
    if (this.currentKind() === "query") {
      this.readCommandTag(message.text);
    }
    this.completedCount += 1;
  }

  handleEmptyQuery(): void {
    this.completedCount += 1;
  }

  /** COPY … FROM STDIN has no data source here, so the copy is failed at once. */
  handleCopyInResponse(connection: Connection): void {
    (
      connection as unknown as { sendCopyFail(message: string): void }
    ).sendCopyFail("COPY FROM STDIN is not supported through tx.query");
  }

  handleCopyData(): void {}

  /** Only an Execute with a row limit suspends a portal, and this object sends none. */
  handlePortalSuspended(): void {}

  /**
   * Called by pg for a server error (the rest of the batch is then skipped up
   * to Sync, whose ReadyForQuery pg consumes itself) or for a dead connection.
   */
  handleError(error: Error): void {
    if (this.settled) {
      return;
    }
    this.failedKind = this.wasSubmitted ? this.currentKind() : undefined;
    this.settled = true;
    this.rejectResult(error);
  }

  handleReadyForQuery(): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    this.transactionStatus = this.readTransactionStatus();
    if (this.rowParseError) {
      this.failedKind = "query";
      this.rejectResult(this.rowParseError);
      return;
    }
    this.resolveResult({
      rows: this.rows,
      rowCount: this.rowCount,
      command: this.command,
      fields: this.fields,
    });
  }

  private currentKind(): StatementKind | undefined {
    return this.statements[this.completedCount]?.kind;
  }

  /** Builds a row like pg does: one property per column, later duplicates winning. */
  private addRow(values: (string | null)[]): void {
    if (this.rowParseError) {
      return;
    }
    const row: Record<string, unknown> = {};
    try {
      for (let index = 0; index < values.length; index++) {
        const text = values[index];
        const field = this.fields[index]!;
        row[field.name] = text == null ? null : this.parsers[index]!(text);
      }
    } catch (error) {
      // Keep reading until ReadyForQuery so that the connection stays in step,
      // then fail the query with the parser's error.
      this.rowParseError =
        error instanceof Error ? error : new Error(String(error));
      return;
    }
    this.rows.push(row);
  }

  /** Reads `SELECT 3`, `INSERT 0 1`, `CREATE TABLE`: the verb and the trailing count. */
  private readCommandTag(tag: string): void {
    const words = tag.split(" ");
    let countEnd = words.length;
    while (countEnd > 0 && /^\d+$/.test(words[countEnd - 1]!)) {
      countEnd -= 1;
    }
    this.command = words.slice(0, countEnd).join(" ");
    this.rowCount =
      countEnd < words.length ? Number(words[words.length - 1]) : 0;
  }
}
