import { podFlagRule } from '../pod-flag.ts';

export const hostIpc = podFlagRule('host-ipc', 'hostIPC', "The pod shares the node's System V IPC and POSIX shared memory, where other processes' data can be read or changed.");
