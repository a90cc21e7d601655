#include "server/app.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <fstream>

#include "api/common/json.h"
#include "api/cdm/cdm_api.h"
#include "api/iam/iam_api.h"
#include "api/rfs/rfs_api.h"
#include "auth/authenticator.h"
#include "cloud/cdm/cluster_service.h"
#include "cloud/faults.h"
#include "cloud/inventory.h"
#include "cloud/provisioning.h"
#include "auth/token_service.h"
#include "base/log.h"
#include "http/server.h"
#include "server/admin_routes.h"
#include "server/dispatcher.h"
#include "stacks/deploy_worker.h"
#include "stacks/stack_service.h"
#include "store/store.h"

namespace fw::server {

struct App::Parts {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<cloud::Provisioning> provisioning;
  cloud::FaultInjector faults;
  std::unique_ptr<cloud::cdm::ClusterService> clusters;
  std::unique_ptr<cloud::Inventory> inventory;
  std::unique_ptr<stacks::StackService> stacks;
  std::unique_ptr<stacks::DeployWorker> deploy_worker;
  std::unique_ptr<auth::TokenService> tokens;
  std::unique_ptr<auth::Authenticator> authenticator;
  api::ApiRouter router;
  std::unique_ptr<Dispatcher> dispatcher;
  std::unique_ptr<http::Server> http;
  BootstrapResult bootstrap;
};

App::App(ServerConfig config, const Clock* clock)
    : config_(std::move(config)),
      clock_(clock ? *clock : SystemClock::Instance()),
      parts_(std::make_unique<Parts>()) {}

App::~App() { Stop(); }

Status App::Start() {
  FW_RETURN_IF_ERROR(Validate(config_));
  FW_ASSIGN_OR_RETURN(ListenAddress listen, ParseListen(config_.listen));
  std::error_code ec;
  std::filesystem::create_directories(config_.data_dir, ec);
  if (ec) {
    return Unavailable("cannot create the data directory " + config_.data_dir + ": " +
                       ec.message());
  }
  Parts& p = *parts_;
  store::SqliteOptions store_options;
  store_options.path = config_.data_dir + "/formwork.db";
  store_options.connections = config_.store_connections;
  FW_ASSIGN_OR_RETURN(p.store, store::OpenSqliteStore(store_options));
  FW_ASSIGN_OR_RETURN(p.bootstrap, EnsureDefaultAccount(*p.store, config_, clock_));
  if (p.bootstrap.generated_password) {
    // Kept (owner-only) so that `formwork credentials` can show it again.
    std::string path = PasswordFilePath(config_.data_dir);
    std::ofstream out(path, std::ios::trunc);
    out << *p.bootstrap.generated_password << "\n";
    out.close();
    ::chmod(path.c_str(), 0600);
  }

  p.tokens = std::make_unique<auth::TokenService>(*p.store, clock_, config_.token_ttl);
  (void)p.tokens->PurgeExpired();
  auth::VerifyOptions verify;
  verify.max_clock_skew = config_.max_clock_skew;
  p.authenticator = std::make_unique<auth::Authenticator>(*p.store, *p.tokens, clock_, verify);

  p.provisioning = std::make_unique<cloud::Provisioning>(clock_, config_.time_scale);
  if (!config_.faults_file.empty()) {
    std::ifstream in(config_.faults_file);
    if (!in) return InvalidArgument("cannot read the faults file " + config_.faults_file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    FW_RETURN_IF_ERROR(p.faults.LoadJson(text).WithContext(config_.faults_file));
  }
  p.clusters = std::make_unique<cloud::cdm::ClusterService>(*p.store, *p.provisioning, p.faults);

  api::iam::RegisterIamRoutes(p.router, {p.store.get(), p.tokens.get(), &clock_});
  api::cdm::RegisterCdmRoutes(p.router, {p.clusters.get(), p.provisioning.get()});
  // RFS stacks: the service behind the routes, and the workers that run its deployments.
  p.inventory = std::make_unique<cloud::Inventory>(*p.store, *p.provisioning, p.faults);
  // The embedded store has one process: jobs still leased at start-up belong to an earlier,
  // dead process (a crash) and resume at once.
  stacks::DeployWorkerOptions worker_options;
  worker_options.reclaim_at_start = true;
  p.deploy_worker = std::make_unique<stacks::DeployWorker>(
      *p.store, clock_,
      providers::CloudServices{p.inventory.get(), p.clusters.get(), p.provisioning.get()},
      worker_options);
  stacks::StackServiceOptions stack_options;
  stack_options.on_job_queued = [w = p.deploy_worker.get()] { w->Wake(); };
  p.stacks = std::make_unique<stacks::StackService>(*p.store, clock_, p.inventory.get(),
                                                    stack_options);
  p.deploy_worker->Start();
  api::rfs::RegisterRfsRoutes(p.router, {p.stacks.get()});
  RegisterAdminRoutes(p.router, {p.store.get(), &p.faults});

  p.dispatcher = std::make_unique<Dispatcher>(
      p.router, *p.authenticator, "http://" + listen.host + ":" + std::to_string(listen.port));
  http::ServerOptions http_options;
  http_options.host = listen.host;
  http_options.port = listen.port;
  http_options.io_threads =
      config_.io_threads > 0
          ? config_.io_threads
          : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  http_options.worker_threads = config_.worker_threads;
  http_options.max_header_bytes = config_.max_header_bytes;
  http_options.read_timeout = config_.read_timeout;
  http_options.idle_timeout = config_.idle_timeout;
  http_options.log_requests = config_.log_requests;
  p.http = std::make_unique<http::Server>(http_options, *p.dispatcher);
  FW_RETURN_IF_ERROR(p.http->Start());
  FW_ASSIGN_OR_RETURN(int schema_version, p.store->SchemaVersion());
  Log(LogLevel::kInfo, "started",
      {{"listen", p.http->host() + ":" + std::to_string(p.http->port())},
       {"data_dir", config_.data_dir},
       {"schema_version", schema_version}});
  return Status::Ok();
}

void App::Stop() {
  if (!parts_) return;
  if (parts_->http) parts_->http->Stop();
  if (parts_->deploy_worker) parts_->deploy_worker->Stop();
  if (parts_->store) parts_->store->Close();
}

void App::Wait() {
  if (parts_ && parts_->http) parts_->http->Wait();
}

const std::string& App::host() const { return parts_->http->host(); }
uint16_t App::port() const { return parts_->http->port(); }
const BootstrapResult& App::bootstrap() const { return parts_->bootstrap; }

}  // namespace fw::server
