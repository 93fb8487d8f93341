// Themes page: impact on NPS per theme as horizontal bars with their 95% intervals (themes that pull
// NPS down in red), and each theme's weekly share of comments as lines.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.echarts) {
    return;
  }
  var impactEl = document.getElementById("impact-chart");
  if (impactEl) {
    var bars = JSON.parse(impactEl.dataset.bars || "[]").slice().reverse();
    impactEl.style.height = Math.max(200, 36 * bars.length + 60) + "px";
    var chart = echarts.init(impactEl, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 120, right: 32, top: 16, bottom: 40 },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var b = bars[p.dataIndex];
          return b.name + "<br>" + impactEl.dataset.label + " " + b.impact.toFixed(1) +
            " [" + b.low.toFixed(1) + ", " + b.high.toFixed(1) + "]<br>n = " + b.n;
        }
      },
      xAxis: { type: "value", name: impactEl.dataset.label, nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "category", data: bars.map(function (b) { return b.name; }) },
      series: [
        { type: "bar", data: bars.map(function (b) {
            return { value: b.impact, itemStyle: { color: b.impact < 0 ? "#d92d20" : "#12b76a" } };
          }), barWidth: 16 },
        { type: "custom", renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(2)]);
            var high = api.coord([api.value(1), api.value(2)]);
            return { type: "group", children: [
              { type: "line", shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: "#344054", lineWidth: 1.5 } },
              { type: "line", shape: { x1: low[0], y1: low[1] - 5, x2: low[0], y2: low[1] + 5 }, style: { stroke: "#344054" } },
              { type: "line", shape: { x1: high[0], y1: high[1] - 5, x2: high[0], y2: high[1] + 5 }, style: { stroke: "#344054" } }
            ] };
          }, data: bars.map(function (b, i) { return [b.low, b.high, i]; }), encode: { x: [0, 1], y: 2 }, tooltip: { show: false } }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  var trendEl = document.getElementById("trend-chart");
  if (trendEl) {
    var lines = JSON.parse(trendEl.dataset.lines || "[]");
    var trend = echarts.init(trendEl, null, { renderer: "svg" });
    trend.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      legend: { type: "scroll", top: 0 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return (v * 100).toFixed(1) + "%"; } },
      xAxis: { type: "category", data: lines.length ? lines[0].weeks : [], boundaryGap: false },
      yAxis: { type: "value", axisLabel: { formatter: function (v) { return Math.round(v * 100) + "%"; } } },
      series: lines.map(function (l) { return { name: l.name, type: "line", data: l.share, symbolSize: 4 }; })
    });
    window.addEventListener("resize", function () { trend.resize(); });
  }
});
