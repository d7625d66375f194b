import { Public } from '../auth/public.decorator';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { ConfigurationCheckModel } from './configuration.models';
import { ConfigurationService } from './configuration.service';

@Resolver()
export class ConfigurationResolver {
  constructor(private readonly configuration: ConfigurationService) {}

  @Public()
  @Query(() => ConfigurationCheckModel, {
    description: 'Validate a contract configuration without saving it; returns every problem with its path.',
  })
  checkContractConfiguration(
    @Args('configuration', {
      type: () => JsonScalar,
      description: 'The configuration to check, in the configuration language.',
    })
    configuration: JsonValue,
  ): ConfigurationCheckModel {
    return this.configuration.check(configuration);
  }

  @Public()
  @Query(() => JsonScalar, { description: 'The JSON Schema of the contract configuration language.' })
  contractConfigurationJsonSchema(): Record<string, unknown> {
    return this.configuration.schema();
  }
}
