import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, templateIdFor } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { actorOf } from '../../../core/auth/principal';
import { CommandSender } from '../../../core/commands/command-sender';
import { notFound } from '../../../core/errors/gateway-error';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { CreateChecklistTemplateInput } from './template.inputs';
import { toChecklistTemplate } from './template.mapper';
import { ChecklistTemplate } from './template.types';
import { createTemplateSchema } from './template.validation';

/** Checklist templates, one per team function. */
@Resolver(() => ChecklistTemplate)
export class TemplatesResolver {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(CommandSender) private readonly sender: CommandSender,
  ) {}

  @Query(() => [ChecklistTemplate], { description: 'Every checklist template, by function.' })
  async checklistTemplates(@Context() ctx: GatewayContext): Promise<ChecklistTemplate[]> {
    authorize(ctx.principal, 'read');
    return (await this.queries.templates()).map(toChecklistTemplate);
  }

  @Mutation(() => ChecklistTemplate)
  async createChecklistTemplate(
    @Args('input', { type: () => CreateChecklistTemplateInput }) input: CreateChecklistTemplateInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistTemplate> {
    const principal = authorize(ctx.principal, 'createChecklistTemplate');
    const data = validateInput(createTemplateSchema, input);
    const templateId = templateIdFor(data.function);
    const items = data.items.map((item) => ({
      title: item.title,
      description: item.description ?? null,
      required: item.required,
      dueDaysBeforeLaunch: item.dueDaysBeforeLaunch ?? null,
      ...(item.owner ? { owner: item.owner } : {}),
      ...(item.check ? { check: item.check } : {}),
    }));
    await this.sender.send(
      {
        service: 'checklists',
        aggregateId: templateId,
        command: {
          type: 'CreateChecklistTemplate',
          data: { templateId, function: data.function, name: data.name, items },
        },
      },
      { actor: actorOf(principal) },
    );
    const template = await this.queries.template(templateId);
    if (template === null)
      throw notFound(ErrorCodes.TEMPLATE_NOT_FOUND, `No template with id "${templateId}"`);
    return toChecklistTemplate(template);
  }
}
