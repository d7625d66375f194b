/**
 * Presets: one contract configuration per seed contract, as data (`<id>.preset.json`). Every number in a
 * preset carries its source (seed file and line, `sources`) and every interpretation a note (`notes`);
 * presets.spec.ts checks both against the seeds. The JSON files are the source of truth: edit them, not code.
 */
import type { ContractConfig } from '../config/contract-config.schema';
import xuzhou2026 from './xuzhou-2026.preset.json';
import huaian20252026 from './huaian-2025-2026.preset.json';
import qinghaiHospital3y from './qinghai-hospital-3y.preset.json';
import beijing2020 from './beijing-2020.preset.json';

export type PresetId = 'xuzhou-2026' | 'huaian-2025-2026' | 'qinghai-hospital-3y' | 'beijing-2020';

export type Preset = {
  id: PresetId;
  /** Chinese title of the contract (项目名称). */
  title: string;
  /** The agency the preset belongs to (the tenant). */
  tenant: string;
  /** The configuration as written (before parsing): pass it to validateContractConfig. */
  config: ContractConfig;
};

const preset = (id: PresetId, title: string, tenant: string, config: unknown): Preset => ({ id, title, tenant, config: config as ContractConfig });

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  'xuzhou-2026': preset('xuzhou-2026', '徐州市医疗保障核心业务系统应用软件2026年运维服务', '徐州市医疗保障基金安全监测管理中心', xuzhou2026),
  'huaian-2025-2026': preset('huaian-2025-2026', '淮安市医疗保障局医保系统运维服务项目', '淮安市医疗保障局', huaian20252026),
  'qinghai-hospital-3y': preset('qinghai-hospital-3y', '青海红十字医院电子发票信息系统维保服务项目', '青海红十字医院', qinghaiHospital3y),
  'beijing-2020': preset('beijing-2020', '北京市卫生健康委医政信息管理系统运维项目（2020年度）', '北京市卫生健康委信息中心', beijing2020),
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** The preset with this id; throws for an unknown id (a programming error, not user input). */
export function getPreset(id: string): Preset {
  const p = (PRESETS as Record<string, Preset>)[id];
  if (!p) throw new Error(`unknown preset "${id}"; known: ${PRESET_IDS.join(', ')}`);
  return p;
}
