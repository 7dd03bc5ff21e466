import { pssRule, volumeSourceViolations } from '../pss-rule.ts';

// The volume sources the admission controller refuses (the others are configMap, csi, downwardAPI,
// emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret).
const forbidden = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'portworxVolume', 'photonPersistentDisk', 'scaleIO', 'storageos',
];

export const pssVolumeTypes = pssRule({
  id: 'pss-volume-types',
  level: 'restricted',
  control: 'Volume Types',
  description: 'A volume of a type other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret (hostPath, nfs, gitRepo, in-tree cloud disks, ...).',
  why: 'In-tree and host volumes reach storage without the PersistentVolume layer that an administrator controls.',
  check: (pod) => volumeSourceViolations(pod, forbidden),
});
