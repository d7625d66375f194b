export { OnDemandModule } from './on-demand.module';
export { onDemandCallsByContract, onDemandCallsOf } from './on-demand.repository';
export { OnDemandService } from './on-demand.service';
