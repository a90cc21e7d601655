// Parse throughput of the HCL syntax layer on a generated configuration: 10k resources with
// nested blocks, templates, heredocs, for expressions, splats and function calls.
//
//   ninja -C build-hcl-rel hcl_parse_bench && build-hcl-rel/bench/hcl/hcl_parse_bench (docs/performance.md)
#include <benchmark/benchmark.h>

#include <string>

#include "hcl/json_body.h"
#include "hcl/parser.h"

namespace {

std::string GenerateConfig(int resources) {
  std::string out;
  out.reserve(static_cast<size_t>(resources) * 900);
  out += "variable \"region\" {\n  type    = string\n  default = \"cn-north-4\"\n}\n\n";
  for (int i = 0; i < resources; ++i) {
    std::string n = std::to_string(i);
    out += "resource \"huaweicloud_compute_instance\" \"web_" + n + "\" {\n";
    out += "  name              = \"web-${var.env}-" + n + "\"\n";
    out += "  image_id          = data.huaweicloud_images_image.ubuntu.id\n";
    out += "  flavor_id         = var.flavors[\"large\"]\n";
    out += "  security_groups   = [huaweicloud_networking_secgroup.sg.name, \"default\"]\n";
    out += "  availability_zone = element(data.huaweicloud_availability_zones.zones.names, " +
           n + " % 3)\n";
    out += "  count             = var.enabled ? 2 : 0\n";
    out += "  user_data = <<-EOT\n    #!/bin/bash\n    echo ${var.message} > /tmp/motd\n  EOT\n";
    out += "  tags = {\n    Name  = \"web-" + n + "\"\n    Owner = local.owner # team\n  }\n";
    out += "  network {\n    uuid = huaweicloud_vpc_subnet.subnet[" + n +
           " % 4].id\n  }\n";
    out += "  dynamic \"data_disks\" {\n    for_each = {for k, v in var.disks : k => v if v.size > 10}\n";
    out += "    content {\n      type = data_disks.value.type\n      size = data_disks.value.size * 2\n    }\n  }\n";
    out += "  depends_on = [huaweicloud_vpc.main]\n}\n\n";
  }
  out += "output \"ids\" {\n  value = [for s in huaweicloud_compute_instance.web_0[*] : s.id]\n}\n";
  return out;
}

std::string GenerateJson(int resources) {
  std::string out = "{\"resource\": {\"huaweicloud_vpc\": {";
  for (int i = 0; i < resources; ++i) {
    std::string n = std::to_string(i);
    if (i > 0) out += ",";
    out += "\"vpc_" + n + "\": {\"name\": \"vpc-${var.env}-" + n +
           "\", \"cidr\": \"10.0.0.0/16\", \"tags\": {\"a\": \"b\"}, \"count\": " + n +
           ", \"depends_on\": [\"huaweicloud_vpc.main\"]}";
  }
  out += "}}}";
  return out;
}

void BM_ParseConfig(benchmark::State& state) {
  const std::string config = GenerateConfig(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    fw::hcl::ParseResult r = fw::hcl::ParseConfig(config, "main.tf");
    if (r.diags.HasErrors()) state.SkipWithError("unexpected diagnostics");
    benchmark::DoNotOptimize(r.file.body);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(config.size()));
  state.counters["bytes"] = static_cast<double>(config.size());
}
BENCHMARK(BM_ParseConfig)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ParseJsonConfig(benchmark::State& state) {
  const std::string config = GenerateJson(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    fw::hcl::JsonFileResult r = fw::hcl::ParseJsonConfig(config, "main.tf.json");
    if (!r.file || r.diags.HasErrors()) state.SkipWithError("unexpected diagnostics");
    benchmark::DoNotOptimize(r.file.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(config.size()));
}
BENCHMARK(BM_ParseJsonConfig)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
