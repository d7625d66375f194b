/**
 * Worker thread of the ticket generator: builds the COPY text of the batches it is asked for (generate-batch.ts).
 * Started by generate.ts through tsx's CommonJS hook, so it runs the TypeScript sources like the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchMaker, ticketBatchText, type BatchSpec } from './generate-batch';

const maker = batchMaker(workerData as BatchSpec);
parentPort?.on('message', (m: { start: number; size: number }) => {
  try {
    // Encoded here and transferred (not copied): the loading thread only writes the bytes to its sockets.
    const b = ticketBatchText(maker, m.start, m.size);
    const tickets = Buffer.from(b.tickets);
    const events = Buffer.from(b.events);
    const sla = Buffer.from(b.sla);
    const batch = { ...b, tickets, events, sla };
    parentPort?.postMessage(
      { ok: true, batch },
      [tickets.buffer, events.buffer, sla.buffer].filter((x, i, all) => all.indexOf(x) === i) as ArrayBuffer[],
    );
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
