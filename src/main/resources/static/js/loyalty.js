// Charts of the engagement and loyalty page: the cohort heat map, revenue by NPS category, the CLV histogram.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.echarts) {
    return;
  }
  var charts = [];
  function chart(el) {
    var c = echarts.init(el, null, { renderer: "svg" });
    charts.push(c);
    return c;
  }
  var number = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 1 });

  var heat = document.getElementById("cohort-heatmap");
  if (heat) {
    var cohorts = JSON.parse(heat.dataset.cohorts || "[]");
    var width = cohorts.reduce(function (w, c) { return Math.max(w, c.months.length); }, 0);
    var months = [];
    for (var i = 1; i <= width; i++) { months.push("+" + i); }
    var rows = cohorts.map(function (c) { return c.cohort.substring(0, 7); });
    var cells = [];
    cohorts.forEach(function (c, y) {
      c.months.forEach(function (m, x) { cells.push([x, y, m.value, m.k, m.n]); });
    });
    var max = cells.reduce(function (v, c) { return Math.max(v, c[2] || 0); }, 1);
    chart(heat).setOption({
      animation: false,
      grid: { left: 72, right: 16, top: 8, bottom: 64 },
      tooltip: {
        formatter: function (p) {
          return rows[p.value[1]] + " " + months[p.value[0]] + "<br>" + number.format(p.value[2]) + "% (" +
            p.value[3] + "/" + p.value[4] + ")";
        }
      },
      xAxis: { type: "category", data: months, name: heat.dataset.labelMonth, nameLocation: "middle", nameGap: 28 },
      yAxis: { type: "category", data: rows, inverse: true },
      visualMap: { min: 0, max: max, calculable: false, orient: "horizontal", left: "center", bottom: 0,
        itemHeight: 120, inRange: { color: ["#eef2ff", "#4f46e5"] }, formatter: function (v) { return number.format(v) + "%"; } },
      series: [{ type: "heatmap", data: cells, label: { show: width <= 12, formatter: function (p) { return number.format(p.value[2]); } } }]
    });
  }

  var nps = document.getElementById("nps-revenue");
  if (nps) {
    var byCategory = JSON.parse(nps.dataset.rows || "[]");
    var names = Array.prototype.map.call(document.querySelectorAll("#nps-table tbody tr td:first-child"),
      function (td) { return td.textContent; });
    chart(nps).setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 80, right: 56, top: 36, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: names },
      yAxis: [{ type: "value", name: nps.dataset.labelRevenue }, { type: "value", name: "%", min: 0, max: 100 }],
      series: [
        { name: nps.dataset.labelRevenue, type: "bar", itemStyle: { color: "#4f46e5" },
          data: byCategory.map(function (r) { return r.revenuePerCustomer.value; }) },
        { name: nps.dataset.labelRepeat, type: "line", yAxisIndex: 1, itemStyle: { color: "#dc6803" },
          data: byCategory.map(function (r) { return r.repeatRate.value; }) }
      ]
    });
  }

  var clv = document.getElementById("clv-histogram");
  if (clv) {
    var bins = JSON.parse(clv.dataset.bins || "[]");
    chart(clv).setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: bins.map(function (b) { return number.format(b.low) + "–"; }), axisLabel: { rotate: 30 } },
      yAxis: { type: "value", name: clv.dataset.labelCustomers },
      series: [{ name: clv.dataset.labelCustomers, type: "bar", barCategoryGap: "4%", itemStyle: { color: "#4f46e5" },
        data: bins.map(function (b) { return b.customers; }) }]
    });
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
});
