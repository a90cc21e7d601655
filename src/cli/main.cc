// formwork: the single binary. `serve` runs the server; `credentials` prints the default
// account of a data directory; `validate`, `plan`, `apply` and `destroy` work on a
// configuration directory offline; `version` prints the version.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "base/log.h"
#include "cli/deploy_command.h"
#include "cli/validate_command.h"
#include "server/app.h"
#include "server/bootstrap.h"
#include "store/store.h"

namespace fw::cli {
namespace {

constexpr const char* kVersion = "0.1.0";

std::string Env(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

void PrintAccount(const server::AccountSummary& a, const std::optional<std::string>& password,
                  bool json) {
  if (json) {
    boost::json::array projects;
    for (const auto& p : a.projects) projects.push_back({{"name", p.name}, {"id", p.id}});
    boost::json::object o{{"domain_name", a.domain_name}, {"domain_id", a.domain_id},
                          {"user_name", a.user_name},     {"user_id", a.user_id},
                          {"access_key", a.access_key},   {"secret_key", a.secret_key},
                          {"projects", projects}};
    o["password"] = password ? boost::json::value(*password) : boost::json::value(nullptr);
    std::cout << boost::json::serialize(o) << "\n";
    return;
  }
  std::cout << "  domain:     " << a.domain_name << " (id " << a.domain_id << ")\n"
            << "  user:       " << a.user_name << " (id " << a.user_id << ")\n"
            << "  password:   " << (password ? *password : "(set by the operator)") << "\n"
            << "  access key: " << a.access_key << "\n"
            << "  secret key: " << a.secret_key << "\n"
            << "  projects:\n";
  for (const auto& p : a.projects) std::cout << "    " << p.name << "  " << p.id << "\n";
}

int Serve(server::ServerConfig config, const std::string& log_level) {
  LogLevel level;
  if (!ParseLogLevel(log_level, &level)) {
    std::cerr << "formwork: unknown log level '" << log_level << "'\n";
    return 2;
  }
  SetLogLevel(level);
  // Every thread started from here on inherits this mask; the main thread waits for the
  // signals with sigwait, so shutdown runs in ordinary code, not in a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  server::App app(config);
  Status st = app.Start();
  if (!st.ok()) {
    std::cerr << "formwork: " << st.message() << "\n";
    return 1;
  }
  const auto& boot = app.bootstrap();
  if (boot.created) {
    std::cout << "Created the default account in " << config.data_dir
              << " (shown once; `formwork credentials` shows it again):\n";
    PrintAccount(boot.account, boot.generated_password ? boot.generated_password
                                                       : std::optional<std::string>(),
                 false);
  }
  std::string host = app.host();
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::cout << "formwork " << kVersion << " listening on http://" << host << ":" << app.port()
            << std::endl;
  int sig = 0;
  sigwait(&signals, &sig);
  Log(LogLevel::kInfo, "stopping", {{"signal", sig == SIGINT ? "SIGINT" : "SIGTERM"}});
  app.Stop();
  Log(LogLevel::kInfo, "stopped");
  return 0;
}

int Credentials(const std::string& data_dir, bool json) {
  std::ifstream probe(data_dir + "/formwork.db");
  if (!probe) {
    std::cerr << "formwork: no data in " << data_dir << "; run `formwork serve` first\n";
    return 1;
  }
  SetLogLevel(LogLevel::kWarn);
  auto store = store::OpenSqliteStore({data_dir + "/formwork.db", 1});
  if (!store.ok()) {
    std::cerr << "formwork: " << store.status().message() << "\n";
    return 1;
  }
  auto account = server::ReadAccount(**store);
  (*store)->Close();
  if (!account.ok()) {
    std::cerr << "formwork: " << account.status().message() << "\n";
    return 1;
  }
  std::optional<std::string> password;
  std::ifstream pw(server::PasswordFilePath(data_dir));
  std::string line;
  if (pw && std::getline(pw, line) && !line.empty()) password = line;
  PrintAccount(*account, password, json);
  return 0;
}

}  // namespace
}  // namespace fw::cli

int main(int argc, char** argv) {
  using fw::cli::Env;
  CLI::App app{"Formwork: a local Huawei Cloud control plane (RFS, CDM, IAM)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", fw::cli::kVersion);

  fw::server::ServerConfig config;
  std::string log_level = "info";
  std::string regions;
  auto* serve = app.add_subcommand("serve", "Run the server");
  serve->add_option("--listen", config.listen, "HOST:PORT to listen on (port 0 picks one)")
      ->envname("FORMWORK_LISTEN")
      ->capture_default_str();
  serve->add_option("--data-dir", config.data_dir, "Directory of the embedded store")
      ->envname("FORMWORK_DATA_DIR")
      ->capture_default_str();
  serve->add_option("--log-level", log_level, "debug, info, warn, error or off")
      ->envname("FORMWORK_LOG_LEVEL")
      ->capture_default_str();
  serve->add_option("--regions", regions, "Comma-separated regions (one project each)")
      ->envname("FORMWORK_REGIONS");
  int token_ttl_s = 24 * 3600;
  serve->add_option("--token-ttl", token_ttl_s, "IAM token lifetime in seconds")
      ->envname("FORMWORK_TOKEN_TTL")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  int skew_s = 15 * 60;
  serve->add_option("--max-clock-skew", skew_s, "Allowed X-Sdk-Date skew in seconds")
      ->envname("FORMWORK_MAX_CLOCK_SKEW")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_option("--io-threads", config.io_threads, "I/O threads (0: one per core)")
      ->envname("FORMWORK_IO_THREADS")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  serve->add_option("--worker-threads", config.worker_threads, "Request worker threads")
      ->envname("FORMWORK_WORKER_THREADS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();

  serve->add_option("--time-scale", config.time_scale,
                    "Provisioning delays as a fraction of the real cloud's (0 = at once)")
      ->envname("FORMWORK_TIME_SCALE")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  serve->add_option("--faults-file", config.faults_file,
                    "JSON array of fault rules to load at start")
      ->envname("FORMWORK_FAULTS_FILE");

  std::string cred_dir = "./formwork-data";
  bool cred_json = false;
  auto* credentials =
      app.add_subcommand("credentials", "Print the default account of a data directory");
  credentials->add_option("--data-dir", cred_dir, "Directory of the embedded store")
      ->envname("FORMWORK_DATA_DIR")
      ->capture_default_str();
  credentials->add_flag("--json", cred_json, "Print JSON");

  auto* version = app.add_subcommand("version", "Print the version");

  std::string validate_path = ".";
  bool validate_json = false;
  auto* validate =
      app.add_subcommand("validate", "Check a Terraform configuration directory (no server)");
  validate->add_option("path", validate_path, "Configuration directory or file")
      ->capture_default_str();
  validate->add_flag("-j,--json", validate_json, "Print the result as JSON (-json also works)");

  // plan / apply / destroy share their flags, spelled as Terraform spells them.
  fw::cli::DeployOptions deploy;
  std::vector<std::string> var_values;
  std::vector<std::string> var_files;
  std::vector<std::pair<CLI::App*, CLI::Option*>> var_options;
  std::vector<std::pair<CLI::App*, CLI::Option*>> var_file_options;
  auto add_deploy = [&](const char* name, const char* description, bool approve) {
    auto* cmd = app.add_subcommand(name, description);
    cmd->add_option("path", deploy.path, "Configuration directory or file")
        ->capture_default_str();
    var_options.emplace_back(cmd, cmd->add_option("--var", var_values,
                                                  "Set a variable: -var NAME=VALUE (repeatable)")
                                      ->expected(1)
                                      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll));
    var_file_options.emplace_back(
        cmd, cmd->add_option("--var-file", var_files, "Load variables from a .tfvars file")
                 ->expected(1)
                 ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll));
    cmd->add_option("--state", deploy.state_path,
                    "State file (default: terraform.tfstate in PATH); the simulated cloud is "
                    "kept beside it as <state>.cloud");
    cmd->add_option("--time-scale", deploy.time_scale,
                    "Simulated delays as a fraction of the real cloud's (0 = at once)")
        ->envname("FORMWORK_TIME_SCALE")
        ->check(CLI::Range(0.0, 1000.0));
    if (approve) {
      cmd->add_flag("--auto-approve", deploy.auto_approve, "Apply without asking (required)");
      cmd->add_option("--parallelism", deploy.parallelism, "Concurrent resource operations")
          ->check(CLI::Range(1, 1024))
          ->capture_default_str();
    }
    return cmd;
  };
  auto* plan = add_deploy("plan", "Show what apply would change (offline)", false);
  auto* apply = add_deploy("apply", "Create or update the resources (offline)", true);
  auto* destroy = add_deploy("destroy", "Destroy the resources of a state (offline)", true);

  // Terraform spells long flags with one dash (-json, -var, -auto-approve, -parallelism=4).
  static const char* kLongFlags[] = {"json", "var", "var-file", "state", "auto-approve",
                                     "parallelism", "time-scale"};
  std::vector<std::string> rewritten(argv, argv + argc);
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.size() < 2 || a[0] != '-' || a[1] == '-') continue;
    std::string_view name = a.substr(1, a.find('=') == std::string_view::npos
                                            ? std::string_view::npos
                                            : a.find('=') - 1);
    for (const char* flag : kLongFlags) {
      if (name == flag) rewritten[i] = "-" + std::string(a);
    }
  }
  std::vector<char*> args;
  for (auto& s : rewritten) args.push_back(s.data());
  CLI11_PARSE(app, argc, args.data());

  if (*version) {
    std::cout << "formwork " << fw::cli::kVersion << "\n";
    return 0;
  }
  if (*credentials) return fw::cli::Credentials(cred_dir, cred_json);
  if (*validate) return fw::cli::RunValidate(validate_path, validate_json);
  for (auto [cmd, mode] : {std::pair{plan, fw::cli::DeployMode::kPlan},
                           std::pair{apply, fw::cli::DeployMode::kApply},
                           std::pair{destroy, fw::cli::DeployMode::kDestroy}}) {
    if (!*cmd) continue;
    deploy.mode = mode;
    // -var and -var-file in command-line order: a later value of a name wins.
    size_t next_var = 0, next_file = 0;
    for (CLI::Option* opt : cmd->parse_order()) {
      for (auto [owner, o] : var_options) {
        if (owner == cmd && o == opt && next_var < var_values.size()) {
          deploy.variables.push_back({fw::cli::VariableFlag::Kind::kVar, var_values[next_var++]});
        }
      }
      for (auto [owner, o] : var_file_options) {
        if (owner == cmd && o == opt && next_file < var_files.size()) {
          deploy.variables.push_back(
              {fw::cli::VariableFlag::Kind::kVarFile, var_files[next_file++]});
        }
      }
    }
    return fw::cli::RunDeploy(deploy);
  }

  if (!regions.empty()) config.regions = fw::server::SplitList(regions);
  config.token_ttl = std::chrono::seconds(token_ttl_s);
  config.max_clock_skew = std::chrono::seconds(skew_s);
  config.domain_name = Env("FORMWORK_DOMAIN_NAME", config.domain_name);
  config.user_name = Env("FORMWORK_USER_NAME", config.user_name);
  config.password = Env("FORMWORK_PASSWORD", "");
  config.access_key = Env("FORMWORK_ACCESS_KEY", "");
  config.secret_key = Env("FORMWORK_SECRET_KEY", "");
  return fw::cli::Serve(config, log_level);
}
