package org.duban.system;

import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where Duban can be opened, once the port is known. */
@Slf4j
@Component
class StartupUrlsReport {

    @EventListener
    void report(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        log.info("""

                  Duban is running:
                    Home and login   {}/
                    Tasklist         {}/camunda/app/tasklist/
                    Cockpit          {}/camunda/app/cockpit/
                    Admin            {}/camunda/app/admin/
                    API (Swagger)    {}/swagger-ui.html
                    Health           {}/actuator/health
                """, base, base, base, base, base, base);
    }
}
