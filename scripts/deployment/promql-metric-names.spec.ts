import { metricNamesIn } from './promql-metric-names';

describe('metricNamesIn', () => {
  it('finds the metric of a plain selector with matchers', () => {
    expect(metricNamesIn('up{job="axon-gateway"} == 0')).toEqual(['up']);
  });

  it('skips functions, grouping labels, ranges and keywords', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, stage) (rate(taonode_gateway_stage_duration_seconds_bucket[5m])))',
      ),
    ).toEqual(['taonode_gateway_stage_duration_seconds_bucket']);
  });

  it('finds every metric of a binary expression, once each', () => {
    expect(
      metricNamesIn(
        'sum(rate(taonode_gateway_requests_total{status!="200"}[5m])) / sum(rate(taonode_gateway_requests_total[5m])) > 0.5 and on (instance) up',
      ),
    ).toEqual(['taonode_gateway_requests_total', 'up']);
  });

  it('does not take label values in matchers for metric names', () => {
    expect(metricNamesIn('sum by (job) (up{job=~"chain-sync|weight-setter"})')).toEqual(['up']);
  });
});
