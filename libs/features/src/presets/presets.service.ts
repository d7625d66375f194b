import { Injectable } from '@nestjs/common';
import { PRESET_IDS, getPreset } from '@ledger/contracts';
import { DomainError } from '@ledger/kernel';
import { checkedJson } from '../graphql/json.scalar';
import type { PresetModel } from './presets.models';

@Injectable()
export class PresetsService {
  list(): PresetModel[] {
    return PRESET_IDS.map((id) => this.get(id));
  }

  get(id: string): PresetModel {
    if (!(PRESET_IDS as readonly string[]).includes(id)) throw new DomainError('NOT_FOUND', `no preset "${id}"`);
    const preset = getPreset(id);
    return { id: preset.id, title: preset.title, tenant: preset.tenant, configuration: checkedJson(preset.config) };
  }
}
