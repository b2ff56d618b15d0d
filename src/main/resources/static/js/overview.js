// Draws the overview charts from the series the page carries (the same numbers as its tiles).
(function () {
  const colours = { GREEN: '#16a34a', YELLOW: '#d97706', RED: '#c8102e', DONE: '#64748b', DONE_LATE: '#7c2d12' };
  const names = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯', DONE: '按期办结', DONE_LATE: '逾期办结' };
  const d = window.overviewCharts;
  const charts = [];

  function chart(id, option) {
    const element = document.getElementById(id);
    if (!element) {
      return;
    }
    if (!window.echarts || !d) {
      element.textContent = '图表无法显示，请刷新页面重试。';
      return;
    }
    const instance = echarts.init(element);
    instance.setOption(option);
    charts.push(instance);
    element.dataset.ready = 'true';
  }

  chart('chart-departments', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: d && d.departments },
    series: Object.keys(names).map(function (light) {
      return { name: names[light], type: 'bar', stack: 'lights', color: colours[light], data: d && d.lights[light] };
    })
  });
  chart('chart-weeks', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: d && d.weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '交办', type: 'line', smooth: true, color: '#c8102e', data: d && d.issued },
      { name: '办结', type: 'line', smooth: true, color: '#16a34a', data: d && d.closed }
    ]
  });
  chart('chart-on-time', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: d && d.departments },
    series: [{ name: '按期办结率', type: 'bar', color: '#16a34a', data: d && d.onTimeRates }]
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
