# One image definition for the four services; the build arguments pick the service.
# Build context is the repository root (see skaffold.yaml):
#   docker build --build-arg SERVICE=ScimEdge   --build-arg MAIN_PORT=8080 -t identity-scim-edge .
#   docker build --build-arg SERVICE=Directory  --build-arg MAIN_PORT=5001 -t identity-directory .
#   docker build --build-arg SERVICE=GroupRole  --build-arg MAIN_PORT=5002 -t identity-grouprole .
#   docker build --build-arg SERVICE=Revocation --build-arg MAIN_PORT=5003 -t identity-revocation .
# SERVICE is the folder under services/ that holds Identity.<SERVICE>.csproj; MAIN_PORT is the
# main listener (SCIM HTTP for the edge, gRPC h2c for the others). Management is 8081 for all.

# ---- project files only -------------------------------------------------------
# Every csproj under services/, in its folder, and nothing else: the restore layer below
# depends on this stage's output only, so it stays cached until a project file changes,
# and a project added under services/ (a new library a service references) is included
# without naming it here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS projects
WORKDIR /src
COPY services/ services/
RUN find services -type f ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' -delete && find services -type d -empty -delete

# ---- build ------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
ARG MAIN_PORT
# The runtime stage has no shell to check these, so the build stage refuses to go on without them.
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<folder under services/>" >&2; exit 1; } \
    && test -n "$MAIN_PORT" || { echo "build with --build-arg MAIN_PORT=<main listener port>" >&2; exit 1; }
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY --from=projects /src/services/ services/
RUN test -f "services/$SERVICE/Identity.$SERVICE.csproj" \
      || { echo "services/$SERVICE/Identity.$SERVICE.csproj does not exist" >&2; exit 1; } \
    && dotnet restore "services/$SERVICE/Identity.$SERVICE.csproj"

# Then the sources: the protos (Contracts compiles them with Grpc.Tools) and services/, which
# holds the service and every library it references. tests/, bench/ and the rest stay out
# (.dockerignore).
COPY protos/ protos/
COPY services/ services/
# The apphost is renamed to one fixed name so the runtime stage's exec-form ENTRYPOINT needs no
# variable (the chiseled image has no shell to expand one); the apphost finds its
# Identity.<SERVICE>.dll by the name embedded in it at build time, not by its own file name.
RUN dotnet publish "services/$SERVICE/Identity.$SERVICE.csproj" -c Release -o /app --no-restore -p:UseAppHost=true \
    && mv "/app/Identity.$SERVICE" /app/identity-service

# ---- runtime ----------------------------------------------------------------
# Chiseled Ubuntu: no shell, no package manager, runs as the non-root "app"
# user (UID/GID 1654, $APP_UID) by default; about a third of the size of the
# full aspnet image. It has no ICU, which matches InvariantGlobalization=true
# in Directory.Build.props. Probes are HTTP, so no curl/shell is needed.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
ARG SERVICE
ARG MAIN_PORT
LABEL org.opencontainers.image.title="identity-${SERVICE}"
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
# Defaults only; the Deployment sets the same keys explicitly.
ENV Endpoints__Main=http://0.0.0.0:${MAIN_PORT} \
    Endpoints__Management=http://0.0.0.0:8081
EXPOSE ${MAIN_PORT} 8081
ENTRYPOINT ["/app/identity-service"]
