// Draws the NPS trend: the value per bucket with its 95% interval as a band; empty buckets stay empty.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("nps-trend");
  if (!el || !window.echarts) {
    return;
  }
  var series = JSON.parse(el.dataset.series || "[]");
  var buckets = series.map(function (b) { return b.bucket; });
  var value = series.map(function (b) { return b.value; });
  var low = series.map(function (b) { return b.ci ? b.ci.low : null; });
  var width = series.map(function (b) { return b.ci ? b.ci.high - b.ci.low : null; });
  // annotated changes: a vertical mark at the bucket holding the date (ISO dates sort as text)
  var marks = JSON.parse(el.dataset.annotations || "[]").map(function (a) {
    var at = null;
    buckets.forEach(function (b) { if (b <= a.date) { at = b; } });
    return at === null ? null : { xAxis: at, name: a.label, label: { formatter: a.label } };
  }).filter(function (m) { return m !== null; });
  var chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: {
      trigger: "axis",
      formatter: function (items) {
        var b = series[items[0].dataIndex];
        if (b.value === null) { return b.bucket + "<br>n = 0"; }
        return b.bucket + "<br>" + el.dataset.labelNps + " " + b.value.toFixed(1) +
          (b.ci ? " [" + b.ci.low.toFixed(1) + ", " + b.ci.high.toFixed(1) + "]" : "") + "<br>n = " + b.n;
      }
    },
    xAxis: { type: "category", data: buckets, boundaryGap: false },
    yAxis: { type: "value", min: -100, max: 100 },
    series: [
      { name: "low", type: "line", data: low, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none", connectNulls: false },
      { name: el.dataset.labelCi, type: "line", data: width, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none",
        areaStyle: { color: "rgba(79,70,229,0.15)" }, connectNulls: false },
      { name: el.dataset.labelNps, type: "line", data: value, symbolSize: 6, connectNulls: false,
        lineStyle: { color: "#4f46e5", width: 2 }, itemStyle: { color: "#4f46e5" },
        markLine: { symbol: "none", silent: true, data: marks,
          lineStyle: { color: "#dc6803", type: "dashed" }, label: { position: "insideEndTop", color: "#b54708" } } }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
