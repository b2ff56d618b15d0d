FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/duban-*.jar /app/duban.jar
EXPOSE 8080
# The JVM of a node: a bounded heap and metaspace, so that a node stays under 768 MiB resident after a day's work
# (MemoryStartupBenchmark starts the application with exactly these options and measures it). The application fixes
# Beijing time itself; the zone here only keeps the JVM's own log lines in step.
ENV JAVA_OPTS="-Xms256m -Xmx448m -XX:MaxMetaspaceSize=200m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:+UseSerialGC -Duser.timezone=Asia/Shanghai"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/duban.jar"]
