/**
 * Peer: a bare Fastify "hello" in its own process — what an HTTP request costs on this machine with a
 * fast framework and no work. Prints its port on stdout, serves until killed.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.listen({ port: 0, host: '127.0.0.1' }).then(
  () => {
    const address = app.server.address();
    console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
