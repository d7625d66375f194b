import { createServer } from 'node:net';

/**
 * Whether the API's port can be listened on, asked before the database is opened: in the embedded mode a start that
 * fails at `listen` after PGlite opened (and the in-process jobs began writing) used to exit mid-write and leave a
 * data directory the next start could not open. Resolves with the error's code when the port cannot be taken.
 */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'ERROR'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/** The operator's message for a port that cannot be taken (zh-CN first: the product's users read Chinese). */
export function portProblemMessage(port: number, host: string, code: string): string {
  const where = `${host}:${port}`;
  return code === 'EADDRINUSE'
    ? `端口 ${where} 已被占用（可能已有一个实例在运行）。请先停止它，或换一个端口：PORT=${port + 1} npm start\n` +
        `Port ${where} is already in use (is another instance running?). Stop it, or choose another port: PORT=${port + 1} npm start`
    : `无法监听 ${where}（${code}）。/ Cannot listen on ${where} (${code}).`;
}
