/** A model name as users know it: `V1PodSpec` → `PodSpec`, `V2HorizontalPodAutoscaler` → `HorizontalPodAutoscaler`. */
export function shortTypeName(model: string): string {
  return model.replace(/^(?:[A-Z][a-z]+)?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}
