import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { ContractModel, ContractVersionModel } from './contracts.models';
import { ContractsService } from './contracts.service';

/**
 * `Contract.configuration` and `Contract.versions`: the configuration documents are large (about 19 kB each), so
 * a list (contracts, contractSearch) reads them only when selected — for all the contracts of the request in one
 * transaction (a per-request DataLoader) — and a single contract's answer carries them already.
 */
@Resolver(() => ContractModel)
export class ContractVersionsResolver {
  /** One loader per GraphQL request (its context object), dropped with it. */
  private readonly loaders = new WeakMap<object, DataLoader<string, ContractVersionModel[]>>();

  constructor(private readonly service: ContractsService) {}

  @ResolveField('configuration', () => JsonScalar, { description: 'The configuration of the current version.' })
  async configuration(@Parent() c: ContractModel, @Context() context: object): Promise<JsonValue> {
    if (c.configuration !== undefined) return c.configuration;
    const own = await this.loaderOf(context).load(c.id);
    return own.find((v) => v.version === c.currentVersion)?.configuration ?? {};
  }

  @ResolveField('versions', () => [ContractVersionModel], {
    description: 'Every version, oldest first; old versions stay readable.',
  })
  versions(@Parent() c: ContractModel, @Context() context: object): Promise<ContractVersionModel[]> {
    return c.versions !== undefined ? Promise.resolve(c.versions) : this.loaderOf(context).load(c.id);
  }

  private loaderOf(context: object): DataLoader<string, ContractVersionModel[]> {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await this.service.versionsOf(ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      this.loaders.set(context, loader);
    }
    return loader;
  }
}
