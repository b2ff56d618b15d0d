package org.duban.directive.process;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The departments a directive goes to, lead first; used as the multi-instance collection
 * ({@code ${dispatchPlan.departments(departmentCodes)}}), so no list variable has to be serialized.
 */
@Component
public class DispatchPlan {

    public List<String> departments(String departmentCodes) {
        return RegisterDirectiveDelegate.codes(departmentCodes);
    }

    public String role(String department, String leadDepartment) {
        return department.equals(leadDepartment) ? "lead" : "co";
    }
}
