import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { ObservabilityController } from '../observability/observability.controller';

export interface ServiceModuleOptions {
  readonly controllers: readonly Type<unknown>[];
  readonly providers: readonly Provider[];
}

/** One service's Nest module: /health, /metrics, and the service's own message handlers. */
@Module({})
export class ServiceModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: ServiceModule,
      controllers: [ObservabilityController, ...options.controllers],
      providers: [...options.providers],
    };
  }
}
