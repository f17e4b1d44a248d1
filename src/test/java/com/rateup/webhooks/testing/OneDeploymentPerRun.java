package com.rateup.webhooks.testing;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;

/**
 * Deploys the WAR once per test JVM instead of once per test class: the first Arquillian class's
 * deployment is generated and deployed, every later class runs against that same deployment, and it
 * is undeployed when Arquillian stops the container at the end of the run. On Payara Micro, where a
 * deployment is a server JVM of its own, this turns one server start per class into one per run.
 *
 * <p>It relies on every Arquillian class of the suite deploying the same archive
 * ({@link Deployments#application()}); each class works in teams of its own, so classes sharing the
 * server cannot see each other's surveys, webhooks or deliveries.
 *
 * <p>The arquillian-suite-extension library does the same with the same four events, but brings
 * reflections, Guava and commons-lang3 for a class-path scan this suite does not need.
 */
public final class OneDeploymentPerRun implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SharedScenario.class);
    }

    public static final class SharedScenario {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> classScenario;

        private DeploymentScenario shared;
        private boolean deployed;

        /** The first class's scenario is generated; every later class is handed the same one. */
        public void generate(@Observes EventContext<GenerateDeployment> context) {
            if (shared == null) {
                context.proceed();
                shared = classScenario.get();
            } else {
                classScenario.set(shared);
            }
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
            if (!deployed) {
                deployed = true;
                context.proceed();
            }
        }

        /** Classes end without undeploying; the shared deployment goes when the container stops. */
        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> context) {
        }

        /**
         * Undeploys before the container stops: Payara Micro's deployment is a JVM that would outlive
         * the run, and WildFly would keep the WAR in its configuration and find it again at its next start.
         */
        public void undeploy(@Observes BeforeStop event) throws DeploymentException {
            if (deployed) {
                deployed = false;
                for (Deployment deployment : shared.deployments()) {
                    if (deployment.isDeployed()) {
                        event.getDeployableContainer().undeploy(deployment.getDescription().getArchive());
                        deployment.undeployed();
                    }
                }
            }
        }
    }
}
