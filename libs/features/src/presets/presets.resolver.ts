import { Public } from '../auth/public.decorator';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { PresetModel } from './presets.models';
import { PresetsService } from './presets.service';

@Resolver(() => PresetModel)
export class PresetsResolver {
  constructor(private readonly service: PresetsService) {}

  @Public()
  @Query(() => [PresetModel], { description: 'The presets of the five seed agencies (Tianjin: one per package).' })
  presets(): PresetModel[] {
    return this.service.list();
  }

  @Public()
  @Query(() => PresetModel, { description: 'One preset by id, e.g. "huaian-2025-2026".' })
  preset(@Args('id', { type: () => ID, description: 'The preset id.' }) id: string): PresetModel {
    return this.service.get(id);
  }
}
