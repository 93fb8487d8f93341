// Sparklines of the overview's KPI tiles: one value per week, empty weeks left empty.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.echarts) {
    return;
  }
  var charts = [];
  document.querySelectorAll("[data-spark]").forEach(function (el) {
    var spark = JSON.parse(el.dataset.spark || "{}");
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: "category", data: spark.buckets || [], show: false, boundaryGap: false },
      yAxis: { type: "value", show: false, scale: true },
      tooltip: { trigger: "axis", confine: true },
      series: [{ type: "line", data: spark.values || [], symbol: "circle", symbolSize: 3, connectNulls: false,
        lineStyle: { color: "#4f46e5", width: 1.5 }, itemStyle: { color: "#4f46e5" } }]
    });
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
});
