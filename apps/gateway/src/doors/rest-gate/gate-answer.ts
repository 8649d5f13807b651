import type { GateEvaluation } from '../../core/read-model/domain';
import { gateBodyOf } from './gate-body';
import { GATE_STATUS } from './gate-response';

/** The part of a Node (or Express) response the gate writes to. */
export interface RawResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * Writes a decision, the same through Nest's route and the route served ahead of it. Written directly:
 * Express's res.json would hash every body for an ETag that `no-store` makes useless.
 */
export function writeGateAnswer(response: RawResponse, evaluation: GateEvaluation): void {
  response.statusCode = GATE_STATUS[evaluation.decision];
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  // A decision is about one moment: no proxy or client may answer the next question with it.
  response.setHeader('Cache-Control', 'no-store');
  response.end(gateBodyOf(evaluation));
}
