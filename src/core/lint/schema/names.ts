/**
 * A model name as users know it: `V1PodSpec` → `PodSpec`, `V2HorizontalPodAutoscaler` →
 * `HorizontalPodAutoscaler`, a custom resource's `example.com/v1/Widget.spec` → `Widget.spec`.
 */
export function shortTypeName(model: string): string {
  if (model.includes('/')) return model.slice(model.lastIndexOf('/') + 1);
  return model.replace(/^(?:[A-Z][a-z]+)?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}
