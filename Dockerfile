FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/duban-*.jar /app/duban.jar
EXPOSE 8080
# report timers fire by the JVM's zone: 08:30 must mean Beijing time
ENTRYPOINT ["java", "-Duser.timezone=Asia/Shanghai", "-jar", "/app/duban.jar"]
