import { z } from 'zod';
import { field } from '../../../core/validation/fields';

export const gateArgsSchema = z.object({ launch: field.id('launch'), environment: field.environment() });

export const setGatePolicySchema = z.object({
  launchId: field.id('launchId'),
  environment: field.environment(),
  requireReady: z.boolean(),
  minReadinessPercent: field.percent(),
  requireGoDecision: z.boolean(),
});
