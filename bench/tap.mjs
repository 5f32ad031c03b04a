// @ts-check
// A TCP forwarder in front of the simulator for `npm run bench`. It notes (performance.now()) when
// the first connection arrives and when the last byte of an answer leaves, so a run can be split
// into start → first request, the exchanges, and last answer → exit. With `rttMs`, every chunk
// waits half of it each way and every new connection a whole one (a TCP handshake), to show what
// a link costs at that distance.
import net from 'node:net';

/** @param {number} targetPort @param {{ rttMs?: number }} [options] */
export async function startTap(targetPort, { rttMs = 0 } = {}) {
  const half = rttMs / 2;
  const state = { firstConnection: Infinity, lastAnswer: 0, connections: 0 };
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  /** @param {() => void} fn @param {number} ms */
  const later = (fn, ms) => (ms > 0 ? void setTimeout(fn, ms) : fn());
  const server = net.createServer((client) => {
    state.connections += 1;
    state.firstConnection = Math.min(state.firstConnection, performance.now());
    client.pause();
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    later(() => client.resume(), rttMs);
    client.on('data', (chunk) => later(() => upstream.write(chunk), half));
    upstream.on('data', (chunk) =>
      later(() => {
        client.write(chunk, () => (state.lastAnswer = performance.now()));
      }, half),
    );
    client.on('end', () => later(() => upstream.end(), half));
    upstream.on('end', () => later(() => client.end(), half));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    reset() {
      state.firstConnection = Infinity;
      state.lastAnswer = 0;
      state.connections = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
