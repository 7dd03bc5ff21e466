import { podFlagRule } from '../pod-flag.ts';

export const hostPid = podFlagRule('host-pid', 'hostPID', "The pod sees every process of the node and can signal or trace them, including other pods' containers.");
