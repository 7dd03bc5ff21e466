import { pssRule } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { asList, asMapping } from '../values.ts';

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
  *check(pod) {
    for (const item of asList(pod.spec.volumes)) {
      const volume = asMapping(item);
      for (const type of forbidden) {
        if (volume?.[type] !== undefined && volume[type] !== null) yield { range: rangeIn(pod.object, volume, type, 'key'), message: `volume ${String(volume.name)}: ${type} volumes are forbidden` };
      }
    }
  },
});
