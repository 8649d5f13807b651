import { SEVERITIES } from '@tminus/contracts';
import { z } from 'zod';
import { field } from '../../../core/validation/fields';

export const reportIncidentSchema = z.object({
  launchId: field.id('launchId'),
  severity: z.enum(SEVERITIES),
  title: field.title(),
});

export const resolveIncidentSchema = z.object({
  incidentId: field.id('incidentId'),
  resolution: field.notes(),
});
