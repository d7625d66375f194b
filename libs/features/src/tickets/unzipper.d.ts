/** The part of unzipper (exceljs's own zip reader, no bundled types) the import's inflation guard uses. */
declare module 'unzipper' {
  import type { Readable, Writable } from 'node:stream';

  /** One zip entry as the streaming parser meets it (local header order): its inflated bytes as a stream. */
  export interface Entry extends Readable {
    path: string;
    type: 'Directory' | 'File';
    autodrain(): unknown;
  }

  /** The streaming parser: write the zip in, read its entries out. */
  export interface ParseStream extends Writable, AsyncIterable<Entry> {
    destroy(error?: Error): this;
  }

  export function Parse(options?: { forceStream?: boolean }): ParseStream;
}
