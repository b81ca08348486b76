// Types for the part of pg-cursor 2.x that aurora-db uses; the package ships none.
declare module "pg-cursor" {
  import type { Submittable } from "pg";

  export default class Cursor<
    Row = Record<string, unknown>,
  > implements Submittable {
    constructor(text: string, values?: unknown[]);
    submit: Submittable["submit"];
    /** Resolves to the next `count` rows, or to an empty array at the end. */
    read(count: number): Promise<Row[]>;
    close(): Promise<void>;
  }
}
