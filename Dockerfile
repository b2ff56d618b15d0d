FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/duban-*.jar /app/duban.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/duban.jar"]
