import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A forward proxy on loopback that tunnels CONNECT requests. It alone knows the `hosts`
 * (names that resolve nowhere else), so a request that bypasses it cannot succeed. With
 * `credentials` ("user:password") it answers 407 to a CONNECT without them.
 */
export async function startConnectProxy(hosts: Record<string, string>, credentials?: string, listenOn = '127.0.0.1') {
  const tunnels: string[] = [];
  let refused = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    const [name, port] = String(req.url).split(':');
    if (credentials && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(credentials).toString('base64')}`) {
      refused += 1;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    tunnels.push(String(req.url));
    const address = hosts[name];
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      // Bytes the client sent straight after its CONNECT request belong to the tunnel.
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, listenOn, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listenOn.includes(':') ? `[${listenOn}]` : listenOn}:${port}`,
    tunnels,
    get refused() {
      return refused;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
