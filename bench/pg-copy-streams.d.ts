// Types for the part of pg-copy-streams 7.x that the benchmark uses; the package ships none.
declare module "pg-copy-streams" {
  import type { Submittable } from "pg";
  import type { Readable, Writable } from "node:stream";

  /** `COPY … FROM STDIN`: write the data, end the stream, and the copy is done. */
  export function from(text: string): Writable & Submittable;
  /** `COPY … TO STDOUT`: read the data the server sends. */
  export function to(text: string): Readable & Submittable;
}
