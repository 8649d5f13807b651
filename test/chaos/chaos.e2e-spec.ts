import { kafkaBrokers } from '@tminus/testing';
import {
  duplicateDelivery,
  gatewayKill,
  poisonMessage,
  serviceReplicaKill,
} from '../../scripts/chaos/faults';
import { reportMarkdown, type ChaosReport } from '../../scripts/chaos/report';
import { runChaos } from '../../scripts/chaos/run-chaos';

// The short chaos run (`npm run chaos` is the long one): two replicas of each service and two gateways
// as processes on the real broker and PostgreSQL, a few hundred mutations from concurrent clients,
// and the faults that need no shared infrastructure to be touched.
describe('a chaos run with replicas (short)', () => {
  let report: ChaosReport;

  beforeAll(async () => {
    report = await runChaos({
      brokers: kafkaBrokers(),
      operations: 330,
      clients: 6,
      // The gateway first: it starts again while the service replicas' partitions wait out the session.
      faults: [gatewayKill(), serviceReplicaKill(), duplicateDelivery(), poisonMessage()],
      maxPhaseMs: 14_000,
      log: () => undefined,
    });
  });

  it('loses, duplicates and reorders no acknowledged change across kill -9, duplicates and poison', () => {
    const { lost, duplicated, outOfOrder } = report.totals;
    expect({ lost, duplicated, outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(report.findings.map((f) => `${f.kind} ${f.operation}: ${f.evidence}`)).toEqual([]);
    expect(report.storeDuplicates).toEqual([]);
    // Enough acknowledged changes for the check to mean something (the table says why, if not).
    expect({ acknowledged: report.totals.acknowledged >= 280, table: reportMarkdown(report) }).toMatchObject({
      acknowledged: true,
    });
  });

  it('dead-letters the poison messages, brings every killed process back, and nothing crashes by itself', () => {
    expect(report.phases.flatMap((p) => p.problems)).toEqual([]);
    expect(report.unplannedExits.map((e) => `${e.replica}: ${e.status}`)).toEqual([]);
    expect(report.rows.map((r) => r.phase)).toEqual([
      'warm-up',
      'kill -9 of a gateway',
      'kill -9 of a service replica (each service)',
      'duplicated command delivery',
      'poison message',
      'cool-down',
    ]);
  });
});
