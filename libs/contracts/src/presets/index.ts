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
import tianjin2026P1 from './tianjin-2026-p1.preset.json';
import tianjin2026P2 from './tianjin-2026-p2.preset.json';
import tianjin2026P3 from './tianjin-2026-p3.preset.json';
import tianjin2026P4 from './tianjin-2026-p4.preset.json';
import tianjin2026P5 from './tianjin-2026-p5.preset.json';
import tianjin2026P6 from './tianjin-2026-p6.preset.json';
import tianjin2026P7 from './tianjin-2026-p7.preset.json';
import tianjin2026P8 from './tianjin-2026-p8.preset.json';

export type PresetId =
  | 'xuzhou-2026'
  | 'huaian-2025-2026'
  | 'qinghai-hospital-3y'
  | 'beijing-2020'
  | 'tianjin-2026-p1'
  | 'tianjin-2026-p2'
  | 'tianjin-2026-p3'
  | 'tianjin-2026-p4'
  | 'tianjin-2026-p5'
  | 'tianjin-2026-p6'
  | 'tianjin-2026-p7'
  | 'tianjin-2026-p8';

export type Preset = {
  id: PresetId;
  /** Chinese title of the contract (项目名称). */
  title: string;
  /** The agency the preset belongs to (the tenant). */
  tenant: string;
  /** The configuration as written (before parsing): pass it to validateContractConfig. */
  config: ContractConfig;
};

const preset = (id: PresetId, title: string, tenant: string, config: unknown): Preset => ({
  id,
  title,
  tenant,
  config: config as ContractConfig,
});

const TIANJIN = '天津市医疗保障局';

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  'xuzhou-2026': preset(
    'xuzhou-2026',
    '徐州市医疗保障核心业务系统应用软件2026年运维服务',
    '徐州市医疗保障基金安全监测管理中心',
    xuzhou2026,
  ),
  'huaian-2025-2026': preset(
    'huaian-2025-2026',
    '淮安市医疗保障局医保系统运维服务项目',
    '淮安市医疗保障局',
    huaian20252026,
  ),
  'qinghai-hospital-3y': preset(
    'qinghai-hospital-3y',
    '青海红十字医院电子发票信息系统维保服务项目',
    '青海红十字医院',
    qinghaiHospital3y,
  ),
  'beijing-2020': preset(
    'beijing-2020',
    '北京市卫生健康委医政信息管理系统运维项目（2020年度）',
    '北京市卫生健康委信息中心',
    beijing2020,
  ),
  'tianjin-2026-p1': preset(
    'tianjin-2026-p1',
    '天津医保信息平台应用软件运维项目 第一包：医保信息平台监管审计与外部对接系统',
    TIANJIN,
    tianjin2026P1,
  ),
  'tianjin-2026-p2': preset(
    'tianjin-2026-p2',
    '天津医保信息平台应用软件运维项目 第二包：医保信息平台公共服务系统',
    TIANJIN,
    tianjin2026P2,
  ),
  'tianjin-2026-p3': preset(
    'tianjin-2026-p3',
    '天津医保信息平台应用软件运维项目 第三包：医保信息平台监管系统',
    TIANJIN,
    tianjin2026P3,
  ),
  'tianjin-2026-p4': preset(
    'tianjin-2026-p4',
    '天津医保信息平台应用软件运维项目 第四包：医保信息平台宏观决策系统',
    TIANJIN,
    tianjin2026P4,
  ),
  'tianjin-2026-p5': preset(
    'tianjin-2026-p5',
    '天津医保信息平台应用软件运维项目 第五包：医保信息平台药品和医用耗材招采系统',
    TIANJIN,
    tianjin2026P5,
  ),
  'tianjin-2026-p6': preset(
    'tianjin-2026-p6',
    '天津医保信息平台应用软件运维项目 第六包：医疗保障信息平台人工智能引擎',
    TIANJIN,
    tianjin2026P6,
  ),
  'tianjin-2026-p7': preset(
    'tianjin-2026-p7',
    '天津医保信息平台应用软件运维项目 第七包：医疗保障信息平台核心业务系统、云HIS、津医保及链医通',
    TIANJIN,
    tianjin2026P7,
  ),
  'tianjin-2026-p8': preset(
    'tianjin-2026-p8',
    '天津医保信息平台应用软件运维项目 第八包：医疗保障信息平台公文管理系统',
    TIANJIN,
    tianjin2026P8,
  ),
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** The preset with this id; throws for an unknown id (a programming error, not user input). */
export function getPreset(id: string): Preset {
  const p = (PRESETS as Record<string, Preset>)[id];
  if (!p) throw new Error(`unknown preset "${id}"; known: ${PRESET_IDS.join(', ')}`);
  return p;
}
