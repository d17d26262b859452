import { createServer } from 'node:http';

const orders = new Map<string, { id: string; total: number }>();

const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.url === '/orders') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...orders.values()]));
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
