# The Accord worker (and CLI) image: docker-compose.yml builds it from this repository. The jar is the
# starter's executable jar; `worker` runs the worker, any other argument an accord command.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core core
COPY demo-desk demo-desk
COPY connectors connectors
COPY store store
COPY workflows workflows
COPY engine engine
COPY activities activities
COPY worker worker
COPY starter starter
# Every module the parent pom lists must exist for Maven to read the reactor, the bench's too (it is not built).
COPY bench bench
COPY examples examples
RUN ./mvnw -B -q -DskipTests package -pl starter -am

FROM eclipse-temurin:17-jre
# curl for the container health check (GET /actuator/health/readiness).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin accord
WORKDIR /app
COPY --from=build /src/starter/target/accord.jar /app/accord.jar
COPY examples /app/examples
RUN mkdir -p /app/.accord && chown -R accord /app
USER accord
ENV ACCORD_CONTRACT=/app/examples/customers.contract.yaml \
    ACCORD_HTTP_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/accord.jar"]
CMD ["worker"]
