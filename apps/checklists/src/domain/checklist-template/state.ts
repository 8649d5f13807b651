import type { TeamFunction, TemplateItemSpec } from '@tminus/contracts';

export interface NoTemplate {
  readonly exists: false;
}

export interface ExistingTemplate {
  readonly exists: true;
  readonly templateId: string;
  readonly function: TeamFunction;
  readonly name: string;
  readonly version: number;
  readonly items: readonly TemplateItemSpec[];
}

export type TemplateState = NoTemplate | ExistingTemplate;

export const initialTemplateState = (): TemplateState => ({ exists: false });
