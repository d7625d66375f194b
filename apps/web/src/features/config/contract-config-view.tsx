import { type ConfigView } from './contract-config-types';
import {
  ConfigAssessmentSection,
  ConfigBasicsSection,
  ConfigPaymentSection,
  ConfigStaffingSection,
} from './config-view-sections';
import { ConfigSlaSection } from './config-view-sla';

/** The contract configuration in words and tables: parties and money, staffing, SLA, assessment, payment. */
export function ContractConfigView({ config }: { config: ConfigView }) {
  return (
    <div className="config-view">
      <ConfigBasicsSection config={config} />
      <ConfigStaffingSection config={config} />
      <ConfigSlaSection config={config} />
      <ConfigAssessmentSection config={config} />
      <ConfigPaymentSection config={config} />
    </div>
  );
}
