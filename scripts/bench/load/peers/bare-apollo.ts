/**
 * Peer: a bare Apollo Server (standalone) with the slice of the schema `tickItem` uses, answering
 * without work, in its own process — what GraphQL over HTTP costs here. Prints its port, serves until
 * killed.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const typeDefs = `
  enum ItemState { OPEN DONE WAIVED BLOCKED }
  type ChecklistItem { id: ID! state: ItemState! }
  input TickItemInput { itemId: ID! evidenceUrl: String }
  input ItemRefInput { itemId: ID! }
  type Query { ping: Boolean! }
  type Mutation {
    tickItem(input: TickItemInput!): ChecklistItem!
    untickItem(input: ItemRefInput!): ChecklistItem!
  }`;

const item = (state: string) => (_: unknown, args: { input: { itemId: string } }) => ({
  id: args.input.itemId,
  state,
});

const server = new ApolloServer({
  typeDefs,
  resolvers: { Query: { ping: () => true }, Mutation: { tickItem: item('DONE'), untickItem: item('OPEN') } },
});
startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } }).then(
  ({ url }) => console.log(JSON.stringify({ port: Number(new URL(url).port) })),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
