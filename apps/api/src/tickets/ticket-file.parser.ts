import { MAX_IMPORT_BYTES } from '@ledger/contracts';

/**
 * The JSON body limit configure-http.ts still imports (the old base64-in-GraphQL import's size). Ticket imports no
 * longer travel in a GraphQL body: they are uploaded to `POST /imports/tickets` (ticket-imports.controller.ts) with
 * their own limit. Finding 1 of issue 11 replaces this with a small GraphQL limit, and this file goes with it.
 */
export const IMPORT_REQUEST_BODY_LIMIT_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;
